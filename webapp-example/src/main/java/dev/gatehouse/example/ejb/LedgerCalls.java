package dev.gatehouse.example.ejb;

import java.util.Optional;

/** The ledger operations both the servlet and the JAX-RS resource expose, by name. */
public record LedgerCalls(Ledger ledger, Housekeeper housekeeper) {

    /** The bean's answer to {@code op}, or empty for an unknown operation. */
    public Optional<String> call(String op) {
        return Optional.ofNullable(switch (op) {
            case "summary" -> ledger.summary();
            case "whoami" -> ledger.whoAmI();
            case "entries" -> ledger.entries();
            case "close" -> ledger.close();
            case "system" -> ledger.systemTotals();
            case "sweep" -> housekeeper.sweep();
            default -> null;
        });
    }
}
