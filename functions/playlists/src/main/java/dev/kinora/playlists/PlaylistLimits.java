package dev.kinora.playlists;

import dev.kinora.shared.contract.Contract;

/** The numbers of limits.json the playlist rules use. */
record PlaylistLimits(
    int maxItems,
    int maxRankLength,
    int writeAttempts,
    int minPageSize,
    int defaultPageSize,
    int maxPageSize) {

  static PlaylistLimits from(Contract contract) {
    return new PlaylistLimits(
        contract.limitInteger("playlist.maxItems"),
        contract.limitInteger("playlist.maxRankLength"),
        contract.limitInteger("playlist.writeAttempts"),
        contract.limitInteger("pagination.minPageSize"),
        contract.limitInteger("pagination.defaultPageSize"),
        contract.limitInteger("pagination.maxPageSize"));
  }
}
