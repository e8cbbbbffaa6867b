package dev.kinora.engagement;

import dev.kinora.shared.http.SessionUser;
import dev.kinora.shared.model.CommentAuthor;

/** Port: the channel a comment is shown under (name and avatar as they are when it is posted). */
public interface AuthorDirectory {

  CommentAuthor authorOf(SessionUser user);
}
