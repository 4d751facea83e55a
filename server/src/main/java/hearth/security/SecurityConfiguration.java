package hearth.security;

import hearth.web.ApiError;
import hearth.web.ErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import jakarta.servlet.DispatcherType;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Four kinds of callers, four filter chains:
 * <ol>
 *   <li>the modern SmartThings API ({@link SmartThingsApiRequests}): bearer tokens, no session;</li>
 *   <li>OAuth clients and their tokens (token endpoint, endpoints, installation API): Hearth's
 *       own client and bearer authentication, no session, no CSRF (no cookies are read);</li>
 *   <li>the management API: HTTP Basic for scripts, or the console's session (then with CSRF);</li>
 *   <li>pages: form login, CSRF on every form, pages never framed.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'";

    /**
     * No Micrometer observation of the security filters, authentications or authorizations. The
     * property {@code management.observations.enable.spring.security=false} only turns the
     * observations into no-ops: Spring Security still wraps each filter of every chain in an
     * observing decorator (~12 wraps and their allocations per request, bench/README.md, issue 15).
     * This setting makes it keep the plain filter chain. {@code http.server.requests} stays.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The modern SmartThings API: bearer tokens checked by hearth.modern, which answers every
     * refusal in SmartThings' error form; no session, no CSRF (no cookie is read).
     */
    @Bean
    @Order(0)
    SecurityFilterChain smartThingsApiChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new SmartThingsApiRequests())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return stateless(http);
    }

    @Bean
    @Order(1)
    SecurityFilterChain oauthClients(HttpSecurity http, MetricsAccess metrics) throws Exception {
        http.securityMatcher("/oauth/token", "/oauth/revoke", "/oauth/introspect", "/oauth/device_authorization",
                        "/api/smartapps/endpoints", "/api/smartapps/installations/**", "/.well-known/**",
                        "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/startup",
                        "/internal/**")
                .authorizeHttpRequests(a -> a
                        // metrics, and the start-up steps when hearth.startup-steps records them (a
                        // timeline of every bean: no more public than the metrics)
                        .requestMatchers(pathPattern("/actuator/prometheus"), pathPattern("/actuator/startup"))
                        .access(metrics)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler(MetricsAccess.DENIED)
                        .authenticationEntryPoint((request, response, denied) ->
                                MetricsAccess.DENIED.handle(request, response, null)));
        return stateless(http);
    }

    /** A chain whose callers authenticate each request themselves: no session, no CSRF (no cookie is read). */
    private static SecurityFilterChain stateless(HttpSecurity http) throws Exception {
        http.csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain managementApi(HttpSecurity http, LoginThrottle throttle) throws Exception {
        // CSRF is skipped only for HTTP Basic, and a request with Basic never reads the session (see
        // BasicOrSession), so what authenticates it is the header, which no other site can send. Any
        // other Authorization header (a bearer token, garbage) leaves the cookie authenticating: CSRF.
        RequestMatcher basicAuthenticated = BasicOrSession::basic;
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        // a stream's later dispatches (the app log's SSE) go on a request already authorized
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.POST, "/api/accounts")).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(jsonUnauthorized()))
                .exceptionHandling(e -> e.authenticationEntryPoint(jsonUnauthorized())
                        .accessDeniedHandler(jsonForbidden()))
                // A script authenticating with Basic sends no cookie, so it can't be a cross-site forgery.
                .csrf(c -> c.ignoringRequestMatchers(basicAuthenticated,
                        pathPattern(HttpMethod.POST, "/api/accounts")))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.securityContextRepository(new BasicOrSession()))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    /**
     * The management API's sign-in: a request that sends HTTP Basic is authenticated by that header
     * alone (a wrong password is refused even when the session cookie belongs to the same account,
     * which Spring's Basic filter would otherwise accept), and never stored in the session; any
     * other request by its session cookie, as usual.
     */
    static final class BasicOrSession implements SecurityContextRepository {
        private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

        static boolean basic(HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            if (!basic(request)) {
                return sessions.loadDeferredContext(request);
            }
            SecurityContext empty = SecurityContextHolder.createEmptyContext();
            return new DeferredSecurityContext() {
                @Override
                public SecurityContext get() {
                    return empty;
                }

                @Override
                public boolean isGenerated() {
                    return true;
                }
            };
        }

        @Override
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return loadDeferredContext(holder.getRequest()).get();
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
            if (!basic(request)) {
                sessions.saveContext(context, request, response);
            }
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return !basic(request) && sessions.containsContext(request);
        }
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(request -> request.getDispatcherType() == DispatcherType.FORWARD
                                && StaleForm.PATH.equals(request.getRequestURI())).permitAll()
                        .requestMatchers(pathPattern("/"), pathPattern("/login"), pathPattern("/signup"), pathPattern("/setup"),
                                pathPattern("/hearth.css"), pathPattern("/live.js"), pathPattern("/editor.js"),
                                pathPattern("/demo/callback"), pathPattern("/error"), pathPattern("/favicon.ico"))
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").permitAll())
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .frameOptions(f -> f.deny())
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP)))
                .exceptionHandling(e -> e.accessDeniedHandler(new StaleForm()))
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
