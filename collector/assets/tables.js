// Table cells and rows for the dashboard, built as DOM nodes (text only, never HTML).

export const date = (ms) => (ms == null ? '—' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

export function cell(text, cls) {
  const td = document.createElement('td');
  td.textContent = text == null || text === '' ? '—' : String(text);
  if (cls) td.className = cls;
  return td;
}

// A guide or step by the name the widget sent, with its id beside it when that differs.
export function named(title, id) {
  return title && title !== id ? `${title} (${id})` : id;
}

// A table cell naming a guide or step; its id shows on hover when the name differs.
export function idCell(title, id) {
  const td = cell(title || id, 'name');
  if (title && title !== id) td.title = id;
  return td;
}

// A table's "nothing here" line, across all its columns.
export function emptyRow(text, columns) {
  const note = cell(text, 'empty');
  note.colSpan = columns;
  return rowOf([note]);
}

export function rowOf(cells) {
  const tr = document.createElement('tr');
  tr.append(...cells);
  return tr;
}
