package dev.kinora.accounts;

import java.util.Set;

/**
 * The roles of an account (today only {@code admin}): an attribute of the account item that only
 * the operator's command-line tool writes ({@code ./kinora admin grant|revoke}); no route can.
 */
public interface AccountRoles {
  /** No account has any role (functions that never read roles). */
  AccountRoles NONE = accountId -> Set.of();

  /** The account's roles; empty when it has none or does not exist. */
  Set<String> rolesOf(String accountId);
}
