package dev.kinora.accounts;

/**
 * The cost of one Argon2id hash. Stored inside every encoded hash, so raising them later only
 * affects new hashes (old ones verify with their own parameters and can be rehashed at sign-in).
 *
 * @param memoryKiB memory per hash, in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

  /**
   * OWASP Password Storage Cheat Sheet's Argon2id configuration m=19 MiB, t=2, p=1: the minimum it
   * recommends, chosen because a Lambda of 1024 MB has about 0.6 vCPU and a sign-in should stay
   * well under a second; memory hardness, not time, is what slows GPU attackers. p=1 because extra
   * lanes only help with more than one core.
   */
  public static final Argon2Parameters OWASP = new Argon2Parameters(19 * 1024, 2, 1);

  /** Cheap parameters for unit tests only; never for stored passwords. */
  static final Argon2Parameters FOR_TESTS = new Argon2Parameters(64, 1, 1);
}
