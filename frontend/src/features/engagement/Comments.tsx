import { useId, useState } from 'react';
import { limits } from '../../contract/generated/limits.gen';
import type { Comment, CommentAuthor, CommentSort } from '../../contract/generated/types.gen';
import { isApiError } from '../../lib/api/client';
import { PENDING_PREFIX, useCreateComment } from './api/createComment';
import { ReportButton } from '../moderation/ReportButton';
import { useDeleteComment } from './api/deleteComment';
import { useComments } from './api/listComments';
import { useReplies } from './api/listReplies';
import { useUpdateComment, withinEditWindow } from './api/updateComment';
import styles from './Comments.module.css';
import { LinkifiedText } from './LinkifiedText';

const TEXT = limits.comment.text;

/** Why a draft cannot be sent yet, or undefined when it can (the same bounds as the contract). */
export function draftProblem(text: string): string | undefined {
  if (text.trim().length < TEXT.min) return 'Write something first.';
  if (text.length > TEXT.max) return `A comment can be at most ${TEXT.max} characters.`;
  return undefined;
}

function failureMessage(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 401) return 'Sign in to comment.';
    if (error.code === 'RATE_LIMITED') return 'You are commenting too fast; try again in a minute.';
    return error.issues[0]?.message ?? error.message;
  }
  return 'Your comment could not be posted.';
}

interface Viewer {
  /** The signed-in caller as a comment author; undefined for visitors. */
  author: CommentAuthor | undefined;
  /** The caller owns the video (may delete any comment on it). */
  isVideoOwner: boolean;
}

interface ComposerProps {
  label: string;
  videoId: string;
  author: CommentAuthor;
  parentId?: string;
  onDone?: () => void;
}

function Composer({ label, videoId, author, parentId, onDone }: ComposerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const create = useCreateComment(videoId, author);
  const problem = draftProblem(text);
  const shown = failure ?? (touched ? problem : undefined);

  const submit = (event: React.SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (problem) return;
    const draft = text;
    setFailure(undefined);
    setText('');
    setTouched(false);
    create.mutate(parentId ? { text: draft, parentId } : { text: draft }, {
      onSuccess: () => onDone?.(),
      onError: (error) => {
        // the draft comes back so nothing typed is lost
        setText(draft);
        setFailure(failureMessage(error));
      },
    });
  };

  return (
    <form className={styles.composer} onSubmit={submit} noValidate>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={text}
        maxLength={TEXT.max}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setFailure(undefined);
        }}
        onBlur={() => {
          setTouched(text.length > 0);
        }}
      />
      <div className={styles.composerActions}>
        <span className={styles.counter}>
          {text.length} / {TEXT.max}
        </span>
        {shown && (
          <span id={`${id}-error`} className={styles.error} role="alert">
            {shown}
          </span>
        )}
        <button type="submit" className={styles.button}>
          {parentId ? 'Post reply' : 'Comment'}
        </button>
      </div>
    </form>
  );
}

interface EditFormProps {
  comment: Comment;
  videoId: string;
  onDone: () => void;
}

function EditForm({ comment, videoId, onDone }: EditFormProps) {
  const id = useId();
  const [text, setText] = useState(comment.text);
  const [failure, setFailure] = useState<string | undefined>();
  const update = useUpdateComment(videoId);
  const shown = failure ?? draftProblem(text);

  const submit = (event: React.SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (draftProblem(text)) return;
    update.mutate(
      { commentId: comment.id, text },
      {
        onSuccess: onDone,
        onError: (error) => {
          setFailure(failureMessage(error));
        },
      },
    );
  };

  return (
    <form className={styles.composer} onSubmit={submit} noValidate>
      <label htmlFor={id}>Edit your comment</label>
      <textarea
        id={id}
        value={text}
        maxLength={TEXT.max}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setFailure(undefined);
        }}
      />
      <div className={styles.composerActions}>
        {shown && (
          <span id={`${id}-error`} className={styles.error} role="alert">
            {shown}
          </span>
        )}
        <button type="button" className={styles.button} onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className={styles.button} disabled={update.isPending}>
          Save
        </button>
      </div>
    </form>
  );
}

interface CommentItemProps {
  comment: Comment;
  videoId: string;
  viewer: Viewer;
}

function CommentItem({ comment, videoId, viewer }: CommentItemProps) {
  const [open, setOpen] = useState(false);
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  // when the comment was first shown: the Edit button does not vanish mid-render (the server re-checks)
  const [shownAt] = useState(() => Date.now());
  const remove = useDeleteComment(videoId);
  const pending = comment.id.startsWith(PENDING_PREFIX);
  const isReply = comment.parentId !== undefined;
  const isAuthor = viewer.author?.channelId === comment.author.channelId;
  const canDelete = !pending && (isAuthor || (viewer.author !== undefined && viewer.isVideoOwner));
  const canEdit = !pending && isAuthor && withinEditWindow(comment, shownAt);
  const replies = useReplies(comment.id, open && !isReply && !pending);

  return (
    <li className={styles.comment} data-pending={pending}>
      <div className={styles.meta}>
        <strong>{comment.author.name}</strong>
        <span>@{comment.author.handle}</span>
        <time dateTime={comment.createdAt}>{new Date(comment.createdAt).toLocaleDateString()}</time>
        {comment.editedAt && <span>(edited)</span>}
        {pending && <span>Posting…</span>}
      </div>
      {editing ? (
        <EditForm
          comment={comment}
          videoId={videoId}
          onDone={() => {
            setEditing(false);
          }}
        />
      ) : (
        <p className={styles.text}>
          <LinkifiedText text={comment.text} />
        </p>
      )}
      <div className={styles.actions}>
        {!isReply && !pending && viewer.author && (
          <button
            type="button"
            className={styles.link}
            onClick={() => {
              setReplying((value) => !value);
            }}
          >
            Reply
          </button>
        )}
        {!isReply && comment.replyCount > 0 && (
          <button
            type="button"
            className={styles.link}
            aria-expanded={open}
            onClick={() => {
              setOpen((value) => !value);
            }}
          >
            {open ? 'Hide replies' : `Show ${comment.replyCount} ${comment.replyCount === 1 ? 'reply' : 'replies'}`}
          </button>
        )}
        {canEdit && !editing && (
          <button
            type="button"
            className={styles.link}
            onClick={() => {
              setEditing(true);
            }}
          >
            Edit
          </button>
        )}
        {canDelete && (
          <button
            type="button"
            className={styles.link}
            onClick={() => {
              remove.mutate(comment.id);
            }}
          >
            Delete
          </button>
        )}
        {!pending && !isAuthor && viewer.author && (
          <ReportButton
            targetKind="comment"
            targetId={comment.id}
            className={styles.link}
            label={`Report comment by ${comment.author.name}`}
          />
        )}
      </div>
      {replying && viewer.author && (
        <Composer
          label={`Reply to ${comment.author.name}`}
          videoId={videoId}
          author={viewer.author}
          parentId={comment.id}
          onDone={() => {
            setReplying(false);
            setOpen(true);
          }}
        />
      )}
      {open && replies.data && (
        <ul className={styles.replies} aria-label={`Replies to ${comment.author.name}`}>
          {replies.data.pages
            .flatMap((page) => page.data)
            .map((reply) => (
              <CommentItem key={reply.id} comment={reply} videoId={videoId} viewer={viewer} />
            ))}
          {replies.hasNextPage && (
            <li>
              <button type="button" className={styles.link} onClick={() => void replies.fetchNextPage()}>
                More replies
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

interface CommentsProps extends Viewer {
  videoId: string;
  /** The video's commentCount (comments and replies). */
  commentCount: number;
}

/** A video's comments: composer, newest/top order, threads one level deep, "Load more". */
export function Comments({ videoId, commentCount, author, isVideoOwner }: CommentsProps) {
  const [sort, setSort] = useState<CommentSort>('newest');
  const comments = useComments(videoId, sort);
  const viewer: Viewer = { author, isVideoOwner };
  const items = comments.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <section className={styles.comments} aria-label="Comments">
      <div className={styles.header}>
        <h2>
          {commentCount} {commentCount === 1 ? 'comment' : 'comments'}
        </h2>
        <label>
          Sort by{' '}
          <select
            value={sort}
            onChange={(event) => {
              setSort(event.target.value === 'top' ? 'top' : 'newest');
            }}
          >
            <option value="newest">Newest</option>
            <option value="top">Top</option>
          </select>
        </label>
      </div>
      {author ? <Composer label="Add a comment" videoId={videoId} author={author} /> : <p>Sign in to comment.</p>}
      {comments.isError && <p role="alert">Comments could not be loaded.</p>}
      <ul className={styles.list}>
        {items.map((comment) => (
          <CommentItem key={comment.id} comment={comment} videoId={videoId} viewer={viewer} />
        ))}
      </ul>
      {comments.hasNextPage && (
        <button
          type="button"
          className={styles.button}
          disabled={comments.isFetchingNextPage}
          onClick={() => void comments.fetchNextPage()}
        >
          {comments.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
