package hearth.admin;

import hearth.account.AccountRepository.Standing;
import hearth.support.Secrets;
import hearth.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API; to anyone but an admin, 404 like any unknown address. */
@RestController
class AdminController {
    private final AdminAccess access;
    private final AdminService admin;

    AdminController(AdminAccess access, AdminService admin) {
        this.access = access;
        this.admin = admin;
    }

    @GetMapping("/api/admin/accounts")
    List<Map<String, Object>> accounts() {
        access.require();
        return admin.accounts().stream().map(AdminController::view).toList();
    }

    /** A new account; without a password one is made and shown this once. */
    @PostMapping("/api/admin/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody NewAccount request) {
        String adminId = access.require().id();
        boolean made = request.password() == null;
        String password = made ? Secrets.newSecret().substring(0, 20) : request.password();
        Map<String, Object> body = view(admin.create(adminId, request.username(), password,
                Boolean.TRUE.equals(request.admin())));
        if (made) {
            body.put("password", password);
        }
        return body;
    }

    /** A new password, made by Hearth and shown this once; the account is signed out everywhere. */
    @PostMapping("/api/admin/accounts/{id}/password")
    Map<String, Object> resetPassword(@PathVariable String id) {
        String adminId = access.require().id();
        Map<String, Object> body = view(admin.account(id));
        body.put("password", admin.resetPassword(adminId, id));
        return body;
    }

    @PostMapping("/api/admin/accounts/{id}/lock")
    Map<String, Object> lock(@PathVariable String id) {
        return view(admin.lock(access.require().id(), id));
    }

    @PostMapping("/api/admin/accounts/{id}/unlock")
    Map<String, Object> unlock(@PathVariable String id) {
        return view(admin.unlock(access.require().id(), id));
    }

    @GetMapping("/api/admin/signup")
    Map<String, Object> signup() {
        access.require();
        return Map.of("enabled", admin.signupOpen());
    }

    @PutMapping("/api/admin/signup")
    Map<String, Object> setSignup(@RequestBody SignupSetting request) {
        String adminId = access.require().id();
        if (request.enabled() == null) {
            throw ApiException.badRequest("send {\"enabled\": true} or {\"enabled\": false}");
        }
        admin.setSignup(adminId, request.enabled());
        return Map.of("enabled", admin.signupOpen());
    }

    record NewAccount(String username, String password, Boolean admin) {
        @Override
        public String toString() {
            return "NewAccount[" + username + "]";
        }
    }

    record SignupSetting(Boolean enabled) {
    }

    private static Map<String, Object> view(Standing s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.account().id());
        body.put("username", s.account().username());
        body.put("createdAt", s.account().createdAt());
        body.put("admin", s.admin());
        body.put("locked", s.locked());
        if (s.locked()) {
            body.put("lockedAt", s.lockedAt());
        }
        return body;
    }
}
