import { useId, type ReactNode } from 'react';

interface FieldShellProps {
  label: string;
  /** The validation message; when set, the control is marked invalid and described by it. */
  error: string | undefined;
  children: (control: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
  className?: string;
}

/** Label, control and inline error, wired with `htmlFor` and `aria-describedby`. */
function FieldShell({ label, error, children, className = 'rte-listing-field' }: FieldShellProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label className="rte-listing-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <p className="rte-listing-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string | undefined;
  /** Receives `undefined` when the input is emptied: an empty text is a removed field. */
  onChange: (value: string | undefined) => void;
  error?: string | undefined;
  multiline?: boolean;
  isRequired?: boolean;
  type?: 'text' | 'url';
}

export function TextField({ label, value, onChange, error, multiline, isRequired, type = 'text' }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error}>
      {(control) => {
        const props = {
          ...control,
          className: 'rte-listing-input',
          value: value ?? '',
          'aria-required': isRequired || undefined,
          onChange: (event: { target: { value: string } }) => onChange(event.target.value === '' ? undefined : event.target.value),
        };
        return multiline ? <textarea rows={4} {...props} /> : <input type={type} {...props} />;
      }}
    </FieldShell>
  );
}

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  error?: string | undefined;
}

export function NumberField({ label, value, onChange, error }: NumberFieldProps) {
  return (
    <FieldShell label={label} error={error}>
      {(control) => (
        <input
          {...control}
          className="rte-listing-input rte-listing-input-number"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          value={value ?? ''}
          onChange={(event) => {
            const text = event.target.value;
            onChange(text === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
          }}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  options: ReadonlyArray<{ value: T | ''; label: string }>;
  onChange: (value: T | '') => void;
  error?: string | undefined;
}

export function SelectField<T extends string>({ label, value, options, onChange, error }: SelectFieldProps<T>) {
  return (
    <FieldShell label={label} error={error}>
      {(control) => (
        <select {...control} className="rte-listing-input" value={value} onChange={(event) => onChange(event.target.value as T | '')}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ label, checked, onChange }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="rte-listing-field rte-listing-field-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label className="rte-listing-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
