package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.User;
import java.util.List;
import java.util.Optional;

/**
 * Operators' account administration: list, look up, disable, enable and delete accounts. Every
 * change ends what it must at once (sessions, API tokens) and is recorded in the audit trail. Thread-safe. These methods
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
     * Disables the account, ends its sessions and revokes its API tokens; recorded with no actor.
     *
     * @return false for an unknown id
     */
    default boolean disableUser(String userId) {
        return disableUser(userId, null);
    }

    /**
     * Disables the account, ends its sessions and revokes its API tokens; recorded as an
     * {@code admin.action} event ({@code action=account.disable}) of the user.
     *
     * @param actor who did it, for the audit trail: an administrator's user id, {@code cli}, or null
     * @return false for an unknown id (nothing is recorded)
     */
    boolean disableUser(String userId, String actor);

    /**
     * Lets a disabled account sign in again; recorded with no actor.
     *
     * @return false for an unknown id
     */
    default boolean enableUser(String userId) {
        return enableUser(userId, null);
    }

    /**
     * Lets a disabled account sign in again; recorded as {@code admin.action} ({@code action=account.enable}).
     *
     * @param actor who did it: an administrator's user id, {@code cli}, or null
     * @return false for an unknown id (nothing is recorded)
     */
    boolean enableUser(String userId, String actor);

    /**
     * Deletes the account with its sessions, API tokens, single-use links and role grants; recorded
     * with no actor. Its audit events stay until retention removes them.
     *
     * @return false for an unknown id
     */
    default boolean deleteUser(String userId) {
        return deleteUser(userId, null);
    }

    /**
     * Deletes the account with its sessions, API tokens, single-use links and role grants; recorded
     * as {@code admin.action} ({@code action=account.delete}). Its audit events stay until retention
     * removes them.
     *
     * @param actor who did it: an administrator's user id, {@code cli}, or null
     * @return false for an unknown id (nothing is recorded)
     */
    boolean deleteUser(String userId, String actor);
}
