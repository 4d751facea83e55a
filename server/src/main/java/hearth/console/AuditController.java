package hearth.console;

import hearth.account.CurrentAccount;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The signed-in account's security events, newest first. */
@RestController
public class AuditController {
    private final AuditLog audit;
    private final CurrentAccount current;

    public AuditController(AuditLog audit, CurrentAccount current) {
        this.audit = audit;
        this.current = current;
    }

    @GetMapping("/api/audit")
    public List<AuditEvent> events(@RequestParam(defaultValue = "100") int max) {
        return audit.forAccount(current.id(), Math.max(1, Math.min(max, 1000)));
    }
}
