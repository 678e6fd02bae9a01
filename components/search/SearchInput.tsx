import { MAX_QUERY_CHARS } from "@/lib/search/query";

/** The query field both search forms use: `q`, a search keyboard on phones, no autofill history. */
export function SearchInput({
  id,
  defaultValue,
  placeholder,
  className,
}: {
  id: string;
  defaultValue?: string;
  placeholder?: string;
  className: string;
}) {
  return (
    <input
      id={id}
      name="q"
      type="search"
      defaultValue={defaultValue}
      placeholder={placeholder}
      maxLength={MAX_QUERY_CHARS}
      enterKeyHint="search"
      autoComplete="off"
      className={className}
    />
  );
}
