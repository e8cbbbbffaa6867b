import { useRef, useState, type FocusEvent, type SyntheticEvent } from 'react';
import type { z } from 'zod';
import { toServerErrors, validateField, type ServerErrors } from './formErrors';

export interface FieldSpec {
  /** The field's generated zod schema, e.g. `zSignupBody.shape.email`. */
  schema: z.ZodType;
  /** Shown when the value does not match the schema's pattern. */
  formatHint: string;
}

type Errors<Field extends string> = Partial<Record<Field, string>>;

/**
 * Form state for the account pages: values, client-side errors from the generated schemas (on blur and submit),
 * server errors mapped onto fields, and focus on the first invalid field.
 */
export function useAuthForm<Field extends string>(
  specs: Record<Field, FieldSpec>,
  serverCodes: Partial<Record<string, { field: NoInfer<Field>; message: string }>> = {},
  initialValues: Partial<Record<NoInfer<Field>, string>> = {},
) {
  const fields = Object.keys(specs) as Field[];
  const [values, setValues] = useState(
    () => Object.fromEntries(fields.map((f) => [f, initialValues[f] ?? ''])) as Record<Field, string>,
  );
  const [clientErrors, setClientErrors] = useState<Errors<Field>>({});
  const [server, setServer] = useState<ServerErrors<Field>>({ fields: {} });
  const inputs = useRef<Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement | null>>>({});

  function check(field: Field, value: string): string | undefined {
    const spec = specs[field];
    return validateField(spec.schema, value, spec.formatHint);
  }

  function focusFirst(errors: Errors<Field>) {
    const first = fields.find((field) => errors[field] !== undefined);
    if (first) inputs.current[first]?.focus();
  }

  function inputProps(field: Field) {
    const error = server.fields[field] ?? clientErrors[field];
    return {
      name: field,
      value: values[field],
      error,
      ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
        inputs.current[field] = element;
      },
      onChange: (value: string) => {
        setValues((current) => ({ ...current, [field]: value }));
        // Once flagged, a field is re-checked as the user fixes it.
        if (clientErrors[field] !== undefined)
          setClientErrors((current) => ({ ...current, [field]: check(field, value) }));
        if (server.fields[field] !== undefined) {
          setServer((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
        }
      },
      onBlur: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        if (event.target.value === '' && clientErrors[field] === undefined) return;
        setClientErrors((current) => ({ ...current, [field]: check(field, event.target.value) }));
      },
    };
  }

  /** Validates every field; on success calls `send` with the values, else focuses the first invalid field. */
  function handleSubmit(send: (values: Record<Field, string>) => void) {
    return (event: SyntheticEvent<HTMLFormElement, SubmitEvent>) => {
      event.preventDefault();
      const errors = Object.fromEntries(fields.map((field) => [field, check(field, values[field])])) as Errors<Field>;
      setClientErrors(errors);
      setServer({ fields: {} });
      if (fields.some((field) => errors[field] !== undefined)) {
        focusFirst(errors);
        return;
      }
      send(values);
    };
  }

  function showServerError(error: unknown) {
    const mapped = toServerErrors(error, fields, serverCodes);
    setServer(mapped);
    focusFirst(mapped.fields);
  }

  return { inputProps, handleSubmit, showServerError, formError: server.form, values };
}
