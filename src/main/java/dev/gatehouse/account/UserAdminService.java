package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.User;
import java.util.List;
import java.util.Optional;

/**
 * Operators' account administration: list, look up, disable, enable and delete accounts. Every
 * change ends what it must at once (sessions, API tokens) and is logged. Thread-safe. These methods
 * check no permission themselves: guard the pages or commands that call them (the example admits
 * {@code users:*} holders only).
 */
public interface UserAdminService {

    /**
     * A page of accounts, oldest first.
     *
     * @throws IllegalArgumentException offset &lt; 0 or limit outside 1–1000 (a programming error)
     */
    List<User> listUsers(int offset, int limit);

    /**
     * The account with this email, compared after normalisation (case, NFKC).
     *
     * @throws AuthException the email is malformed (code {@code auth_error})
     */
    Optional<User> findUserByEmail(String email);

    /**
     * Disables the account, ends its sessions and revokes its API tokens.
     *
     * @return false for an unknown id
     */
    boolean disableUser(String userId);

    /**
     * Lets a disabled account sign in again.
     *
     * @return false for an unknown id
     */
    boolean enableUser(String userId);

    /**
     * Deletes the account with its sessions, API tokens, single-use links and role grants.
     *
     * @return false for an unknown id
     */
    boolean deleteUser(String userId);
}
