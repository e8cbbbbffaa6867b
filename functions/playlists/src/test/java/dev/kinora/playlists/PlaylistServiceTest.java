package dev.kinora.playlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinora.shared.contract.ErrorCode;
import dev.kinora.shared.http.ApiException;
import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.VideoStatus;
import dev.kinora.shared.model.VideoVisibility;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistServiceTest {
  private static final SessionUser ADA = new SessionUser("ada", "c1", "ada", 0);
  private static final SessionUser BOB = new SessionUser("bob", "c2", "bob", 0);
  private static final SessionUser CAROL = new SessionUser("carol", "c3", "carol", 0);

  private final InMemoryPlaylists memory = new InMemoryPlaylists();
  private final PlaylistService service =
      new PlaylistService(
          memory,
          memory,
          new PlaylistLimits(3, 64, 5, 1, 20, 50),
          new SecureRandom(),
          Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

  private String playlist(PlaylistVisibility visibility) {
    return service.create(ADA, new PlaylistRequests.Create(" Bench ", null, visibility)).id();
  }

  private static ErrorCode code(Runnable action) {
    try {
      action.run();
    } catch (ApiException e) {
      return e.code();
    }
    throw new AssertionError("no refusal");
  }

  @Test
  void aNewPlaylistIsEmptyTrimmedAndOwnedByItsCreator() {
    StoredPlaylist created =
        service.create(
            ADA, new PlaylistRequests.Create("  Bench ", null, PlaylistVisibility.PUBLIC));
    assertThat(created.title()).isEqualTo("Bench");
    assertThat(created.description()).isEmpty();
    assertThat(created.itemCount()).isZero();
    assertThat(created.kind()).isEqualTo(PlaylistKind.REGULAR);
    assertThat(created.ownerId()).isEqualTo("ada");
  }

  @Test
  void addsAppendInOrderAndAddingAgainChangesNothing() {
    String id = playlist(PlaylistVisibility.PRIVATE);
    for (String v : new String[] {"v1", "v2", "v3"}) {
      memory.video(v, "ada", VideoVisibility.PUBLIC, VideoStatus.READY);
      assertThat(service.add(id, ADA, v).created()).isTrue();
    }
    assertThat(service.add(id, ADA, "v2").created()).isFalse();
    assertThat(memory.order(id)).containsExactly("v1", "v2", "v3");
    assertThat(memory.find(id).orElseThrow().itemCount()).isEqualTo(3);
  }

  @Test
  void aFullPlaylistRefusesTheNextVideo() {
    String id = playlist(PlaylistVisibility.PRIVATE);
    for (String v : new String[] {"v1", "v2", "v3", "v4"}) {
      memory.video(v, "ada", VideoVisibility.PUBLIC, VideoStatus.READY);
    }
    service.add(id, ADA, "v1");
    service.add(id, ADA, "v2");
    service.add(id, ADA, "v3");
    assertThat(code(() -> service.add(id, ADA, "v4"))).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void aWriteThatLostTheRaceReadsAgainAndLandsAfterTheWinner() {
    String id = playlist(PlaylistVisibility.PRIVATE);
    memory.video("v1", "ada", VideoVisibility.PUBLIC, VideoStatus.READY);
    memory.video("v2", "ada", VideoVisibility.PUBLIC, VideoStatus.READY);
    service.add(id, ADA, "v1");
    memory.conflictsToInject = 3;
    service.add(id, ADA, "v2");
    assertThat(memory.order(id)).containsExactly("v1", "v2");
    memory.conflictsToInject = 10;
    assertThatThrownBy(() -> service.move(id, ADA, "v2", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contended");
  }

  @Test
  void movesPlaceAnItemAfterAnotherOrAtTheTop() {
    String id = playlist(PlaylistVisibility.PRIVATE);
    for (String v : new String[] {"v1", "v2", "v3"}) {
      memory.video(v, "ada", VideoVisibility.PUBLIC, VideoStatus.READY);
      service.add(id, ADA, v);
    }
    service.move(id, ADA, "v1", "v3");
    assertThat(memory.order(id)).containsExactly("v2", "v3", "v1");
    service.move(id, ADA, "v1", null);
    assertThat(memory.order(id)).containsExactly("v1", "v2", "v3");
    service.move(id, ADA, "v3", "v1");
    assertThat(memory.order(id)).containsExactly("v1", "v3", "v2");
    service.move(id, ADA, "v3", "v1"); // already there
    assertThat(memory.order(id)).containsExactly("v1", "v3", "v2");
    assertThat(code(() -> service.move(id, ADA, "v3", "v3"))).isEqualTo(ErrorCode.VALIDATION_ERROR);
    assertThat(code(() -> service.move(id, ADA, "v3", "nope")))
        .isEqualTo(ErrorCode.VALIDATION_ERROR);
    assertThat(code(() -> service.move(id, ADA, "nope", null))).isEqualTo(ErrorCode.NOT_FOUND);
  }

  /**
   * {@code moves} moves, each of the next of {@code cycled} to right after {@code anchor}: every
   * one lands in the same gap, which no position key could keep splitting. Returns the order
   * expected after them, starting from {@code order}.
   */
  private static List<String> movedIntoOneGap(
      PlaylistService service, String id, List<String> order, String anchor, int moves) {
    var expected = new ArrayList<>(order);
    int at = order.indexOf(anchor);
    List<String> movers = List.copyOf(order.subList(at + 1, at + 5));
    for (int i = 0; i < moves; i++) {
      String moved = movers.get(i % movers.size());
      service.move(id, ADA, moved, anchor);
      expected.remove(moved);
      expected.add(expected.indexOf(anchor) + 1, moved);
    }
    return expected;
  }

  private PlaylistService serviceHolding(int maxItems) {
    return new PlaylistService(
        memory,
        memory,
        new PlaylistLimits(maxItems, 64, 5, 1, 20, 50),
        new SecureRandom(),
        Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
  }

  private List<String> filled(PlaylistService service, String id, int count) {
    var videos = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      String v = "v" + i;
      memory.video(v, "ada", VideoVisibility.PUBLIC, VideoStatus.READY);
      service.add(id, ADA, v);
      videos.add(v);
    }
    return videos;
  }

  @Test
  void aThousandMovesIntoTheSameGapAllLandWhereAsked() {
    PlaylistService roomy = serviceHolding(500);
    String id = playlist(PlaylistVisibility.PRIVATE);
    List<String> order = filled(roomy, id, 8);

    List<String> expected = movedIntoOneGap(roomy, id, order, "v1", 1000);

    assertThat(memory.order(id)).isEqualTo(expected);
    assertThat(memory.rebalances).as("the gap ran out and was rebalanced").isPositive();
    assertThat(memory.positions(id)).allMatch(p -> p.length() <= 64 && Ranks.isValid(p));
  }

  @Test
  void aRebalanceThatLostTheRaceReadsAgainAndStillLandsWhereAsked() {
    PlaylistService roomy = serviceHolding(500);
    String id = playlist(PlaylistVisibility.PRIVATE);
    List<String> order = filled(roomy, id, 8);
    var expected = new ArrayList<>(order);
    for (int i = 0; i < 450; i++) {
      String moved = order.get(2 + i % 4);
      memory.conflictsToInject = 1; // someone else changed the order first, every time
      roomy.move(id, ADA, moved, "v1");
      expected.remove(moved);
      expected.add(expected.indexOf("v1") + 1, moved);
    }
    assertThat(memory.order(id)).isEqualTo(expected);
    assertThat(memory.rebalances).isPositive();
  }

  @Test
  void aPlaylistLongerThanOneTransactionRebalancesOnlyTheRunAroundTheGap() {
    PlaylistService roomy = serviceHolding(500);
    String id = playlist(PlaylistVisibility.PRIVATE);
    List<String> order = filled(roomy, id, 300);

    List<String> expected = movedIntoOneGap(roomy, id, order, "v150", 1000);
    expected = movedIntoOneGap(roomy, id, expected, expected.get(0), 500);
    expected = movedIntoOneGap(roomy, id, expected, expected.get(290), 500);

    assertThat(memory.order(id)).isEqualTo(expected);
    assertThat(memory.rebalances).isPositive();
    assertThat(memory.largestRebalance).isLessThanOrEqualTo(PlaylistStore.MAX_REBALANCED);
    assertThat(memory.positions(id)).allMatch(p -> p.length() <= 64 && Ranks.isValid(p));
  }

  @Test
  void removingKeepsTheCountExactAndIsIdempotent() {
    String id = playlist(PlaylistVisibility.PRIVATE);
    memory.video("v1", "ada", VideoVisibility.PUBLIC, VideoStatus.READY);
    service.add(id, ADA, "v1");
    service.remove(id, ADA, "v1");
    service.remove(id, ADA, "v1");
    assertThat(memory.find(id).orElseThrow().itemCount()).isZero();
  }

  @Test
  void nobodyAddsAVideoTheyMayNotSee() {
    String id = playlist(PlaylistVisibility.PUBLIC);
    memory.video("secret", "bob", VideoVisibility.PRIVATE, VideoStatus.READY);
    memory.video("link", "bob", VideoVisibility.UNLISTED, VideoStatus.READY);
    assertThat(code(() -> service.add(id, ADA, "secret"))).isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(code(() -> service.add(id, ADA, "missing"))).isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(service.add(id, ADA, "link").created()).isTrue();
  }

  @Test
  void othersSeeOnlyWhatTheyCouldWatchAndNeverChangeIt() {
    String id = playlist(PlaylistVisibility.PUBLIC);
    memory.video("open", "bob", VideoVisibility.PUBLIC, VideoStatus.READY);
    memory.video("link", "bob", VideoVisibility.UNLISTED, VideoStatus.READY);
    service.add(id, ADA, "open");
    service.add(id, ADA, "link");
    assertThat(service.items(id, CAROL, null, 10).items()).hasSize(1);
    assertThat(service.items(id, null, null, 10).items()).hasSize(1);
    assertThat(service.items(id, ADA, null, 10).items()).hasSize(2);
    assertThat(service.items(id, BOB, null, 10).items()).hasSize(2);
    assertThat(code(() -> service.add(id, BOB, "open"))).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(() -> service.delete(id, BOB))).isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void aPrivatePlaylistDoesNotExistForOthers() {
    String id = playlist(PlaylistVisibility.PRIVATE);
    assertThat(code(() -> service.detail(id, BOB))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(code(() -> service.delete(id, BOB))).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(service.detail(id, ADA).isOwner()).isTrue();
  }

  @Test
  void listingShowsWatchLaterWithoutStoringItAndTheFirstAddStoresIt() {
    String watchLaterId = PlaylistService.watchLaterId(ADA.userId());
    memory.video("open", "bob", VideoVisibility.PUBLIC, VideoStatus.READY);

    var page = service.mine(ADA, null, null, 10);
    assertThat(page.playlists()).extracting(Playlist::id).containsExactly(watchLaterId);
    assertThat(service.detail(watchLaterId, ADA).isOwner()).isTrue();
    assertThat(code(() -> service.add(watchLaterId, ADA, "missing")))
        .isEqualTo(ErrorCode.VIDEO_NOT_FOUND);
    assertThat(memory.find(watchLaterId)).as("reads and refused writes store nothing").isEmpty();
    assertThat(code(() -> service.detail(watchLaterId, BOB))).isEqualTo(ErrorCode.NOT_FOUND);

    assertThat(service.add(watchLaterId, ADA, "open").created()).isTrue();
    assertThat(memory.find(watchLaterId)).isPresent();
  }

  @Test
  void watchLaterIsCreatedOnceComesFirstAndStaysPut() {
    String id = playlist(PlaylistVisibility.PUBLIC);
    StoredPlaylist watchLater = service.watchLater(ADA);
    assertThat(service.watchLater(ADA)).isEqualTo(watchLater);
    assertThat(watchLater.visibility()).isEqualTo(PlaylistVisibility.PRIVATE);
    var page = service.mine(ADA, null, null, 20);
    assertThat(page.playlists()).extracting(Playlist::id).containsExactly(watchLater.id(), id);
    var one = service.mine(ADA, null, null, 1);
    assertThat(one.playlists())
        .extracting(Playlist::kind)
        .containsExactly(PlaylistKind.WATCH_LATER);
    assertThat(one.nextCursor()).isEqualTo(PlaylistService.REGULAR_FROM_START);
    assertThat(service.mine(ADA, null, one.nextCursor(), 1).playlists())
        .extracting(Playlist::id)
        .containsExactly(id);
    var rename = new PlaylistRequests.Update("Never", null, null);
    assertThat(code(() -> service.update(watchLater.id(), ADA, rename)))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(() -> service.delete(watchLater.id(), ADA))).isEqualTo(ErrorCode.FORBIDDEN);
  }
}
