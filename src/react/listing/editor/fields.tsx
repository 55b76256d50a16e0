import { useId, type FocusEvent, type ReactNode } from 'react';

/** How the form wires one field: its id (the problem list links to it), its shown error, its blur. */
export interface FieldWiring {
  id: string;
  /** The message to show; `undefined` until the field was touched or a review failed. */
  error: string | undefined;
  /** Marks the field touched: from then on its problem shows as the user goes. */
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

interface FieldShellProps {
  label: string;
  wiring: FieldWiring;
  children: (control: { id: string; onBlur: (event: FocusEvent<HTMLElement>) => void; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined }) => ReactNode;
  className?: string;
}

/** Label, control and inline error, wired with `htmlFor` and `aria-describedby`. */
function FieldShell({ label, wiring, children, className = 'rte-listing-field' }: FieldShellProps) {
  const { id, error, onBlur } = wiring;
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label className="rte-listing-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, onBlur, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
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
  wiring: FieldWiring;
  multiline?: boolean;
  isRequired?: boolean;
  type?: 'text' | 'url';
}

export function TextField({ label, value, onChange, wiring, multiline, isRequired, type = 'text' }: TextFieldProps) {
  return (
    <FieldShell label={label} wiring={wiring}>
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
  wiring: FieldWiring;
}

export function NumberField({ label, value, onChange, wiring }: NumberFieldProps) {
  return (
    <FieldShell label={label} wiring={wiring}>
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
  wiring: FieldWiring;
}

export function SelectField<T extends string>({ label, value, options, onChange, wiring }: SelectFieldProps<T>) {
  return (
    <FieldShell label={label} wiring={wiring}>
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
