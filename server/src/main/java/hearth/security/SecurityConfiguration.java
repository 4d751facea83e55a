package hearth.security;

import hearth.web.ApiError;
import hearth.web.ErrorBodies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Three kinds of callers, three filter chains:
 * <ol>
 *   <li>OAuth clients and their tokens (token endpoint, endpoints, installation API): Hearth's
 *       own client and bearer authentication, no session, no CSRF (no cookies are read);</li>
 *   <li>the management API: HTTP Basic for scripts, or the console's session (then with CSRF);</li>
 *   <li>pages: form login, CSRF on every form, pages never framed.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    // Without it the registry never learns that a session ended, and keeps it forever.
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain oauthClients(HttpSecurity http) throws Exception {
        http.securityMatcher("/oauth/token", "/oauth/revoke", "/oauth/introspect", "/oauth/device_authorization",
                        "/api/smartapps/endpoints", "/api/smartapps/installations/**", "/.well-known/**",
                        "/actuator/health", "/actuator/health/**", "/internal/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain managementApi(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions)
            throws Exception {
        RequestMatcher basicAuthenticated = request -> request.getHeader("Authorization") != null;
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(pathPattern(HttpMethod.POST, "/api/accounts")).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized())
                        .accessDeniedHandler(jsonForbidden()))
                // A script authenticating with Basic sends no cookie, so it can't be a cross-site forgery.
                .csrf(c -> c.ignoringRequestMatchers(basicAuthenticated,
                        pathPattern(HttpMethod.POST, "/api/accounts")))
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(pathPattern("/"), pathPattern("/login"), pathPattern("/signup"),
                                pathPattern("/hearth.css"), pathPattern("/live.js"),
                                pathPattern("/demo/callback"), pathPattern("/error"), pathPattern("/favicon.ico"))
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .headers(h -> h
                        .frameOptions(f -> f.deny())
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static AuthenticationEntryPoint jsonUnauthorized() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"hearth\"");
            ErrorBodies.write(response, ApiError.UNAUTHORIZED,
                    "sign in with HTTP Basic: the username and password of your Hearth account");
        };
    }

    private static AccessDeniedHandler jsonForbidden() {
        return (request, response, e) -> ErrorBodies.write(response, ApiError.FORBIDDEN,
                "refused: with a session cookie, send the CSRF token (X-CSRF-TOKEN); scripts should use HTTP Basic");
    }
}
