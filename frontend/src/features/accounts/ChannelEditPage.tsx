import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { limits } from '../../contract/generated/limits.gen';
import type { Channel } from '../../contract/generated/types.gen';
import { formatBytes } from '../../lib/format/bytes';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useMe } from './api/getMe';
import { channelUpdateSchema, useUpdateMyChannel } from './api/updateMyChannel';
import { useUploadAvatar, type AvatarChange } from './api/uploadAvatar';
import authStyles from './AuthPage.module.css';
import { avatarAccept, avatarFormatsText, checkAvatarFile } from './avatarFile';
import { ChannelAvatar } from './ChannelAvatar';
import styles from './ChannelPages.module.css';
import { toServerErrors } from './formErrors';
import { TextAreaField } from './TextAreaField';
import { TextField } from './TextField';
import { useAuthForm } from './useAuthForm';

/** /channel/edit: the signed-in account's channel name, description and avatar (behind RequireAuth). */
export function ChannelEditPage() {
  useDocumentTitle('Edit your channel');
  const me = useMe();
  if (!me.data) return null;
  const channel = me.data.channel;
  return (
    <section className={styles.editPage} aria-labelledby="channel-edit-heading">
      <div className={styles.editHeader}>
        <h1 id="channel-edit-heading">Edit your channel</h1>
        <Link to={`/c/${channel.handle}`}>View your channel</Link>
      </div>
      <AvatarPicker channel={channel} />
      {/* Keyed by id: the form starts from the channel once and keeps the user's typing afterwards. */}
      <ChannelDetailsForm key={channel.id} channel={channel} />
    </section>
  );
}

function ChannelDetailsForm({ channel }: { channel: Channel }) {
  const update = useUpdateMyChannel();
  const [saved, setSaved] = useState(false);
  const form = useAuthForm(
    {
      name: { schema: channelUpdateSchema.shape.name, formatHint: '' },
      description: { schema: channelUpdateSchema.shape.description, formatHint: '' },
    },
    {},
    { name: channel.name, description: channel.description ?? '' },
  );

  const onSubmit = form.handleSubmit((values) => {
    setSaved(false);
    update.mutate(
      { name: values.name, description: values.description },
      {
        onSuccess: () => {
          setSaved(true);
        },
        onError: form.showServerError,
      },
    );
  });

  return (
    <form className={authStyles.form} noValidate onSubmit={onSubmit} aria-label="Channel details">
      {form.formError && (
        <p role="alert" className={authStyles.formError}>
          {form.formError}
        </p>
      )}
      <TextField
        label="Channel name"
        autoComplete="off"
        hint={`Up to ${String(limits.channel.name.max)} characters.`}
        {...form.inputProps('name')}
      />
      <TextAreaField
        label="Description"
        maxLength={limits.channel.description.max}
        {...form.inputProps('description')}
      />
      <button type="submit" className="button button-primary" disabled={update.isPending}>
        {update.isPending ? 'Saving…' : 'Save changes'}
      </button>
      <p role="status" className={styles.status}>
        {saved && !update.isPending ? 'Saved.' : ''}
      </p>
    </form>
  );
}

function AvatarPicker({ channel }: { channel: Channel }) {
  const upload = useUploadAvatar();
  const [picked, setPicked] = useState<AvatarChange | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const inputId = useId();

  // Each preview is an object URL of the picked file; it is released when replaced or when the page goes.
  useEffect(() => {
    return () => {
      if (picked) URL.revokeObjectURL(picked.previewUrl);
    };
  }, [picked]);

  function onPick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setDone(false);
    if (!file) return;
    const check = checkAvatarFile(file);
    if (!check.ok) {
      setError(check.message);
      setPicked(null);
      return;
    }
    setError(undefined);
    setPicked({ file, request: check.request, previewUrl: URL.createObjectURL(file) });
  }

  function onUpload() {
    if (!picked) return;
    setError(undefined);
    upload.mutate(picked, {
      onSuccess: () => {
        setDone(true);
        setPicked(null);
      },
      onError: (failure) => {
        setError(toServerErrors(failure, []).form ?? 'The image could not be uploaded. Please try again.');
      },
    });
  }

  const shown = picked?.previewUrl ?? channel.avatarUrl;
  return (
    <section className={`${authStyles.form} ${styles.avatarPicker}`} aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className={styles.sectionHeading}>
        Avatar
      </h2>
      <div className={styles.avatarRow}>
        <ChannelAvatar name={channel.name} handle={channel.handle} avatarUrl={shown} size="large" />
        <div className={authStyles.field}>
          <label htmlFor={inputId}>Choose an image</label>
          <input
            id={inputId}
            type="file"
            accept={avatarAccept}
            aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={onPick}
          />
          <p id={`${inputId}-hint`} className={authStyles.hint}>
            {avatarFormatsText}, at most {formatBytes(limits.channel.avatar.maxFileSizeBytes)}.
          </p>
          {error && (
            <p id={`${inputId}-error`} role="alert" className={authStyles.error}>
              {error}
            </p>
          )}
        </div>
      </div>
      <button type="button" className="button button-primary" disabled={!picked || upload.isPending} onClick={onUpload}>
        {upload.isPending ? 'Uploading…' : 'Upload avatar'}
      </button>
      <p role="status" className={styles.status}>
        {done ? 'Avatar updated.' : ''}
      </p>
    </section>
  );
}
