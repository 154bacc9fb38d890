// Table bodies for build-time pages, as one HTML string. The calculator's tables hold up to 450
// cells; written as a string they cost a business-case page about half a millisecond less than
// one template expression per cell, on every one of hundreds of pages. The markup is the shape
// the browser writes when it recomputes (fillBody in src/scripts/calculator/render.ts).

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/**
 * `<tr>` rows whose first cell is a row header (`<th scope="row">`) and the others numeric
 * (`<td class="num">`); `firstIsNum` marks the header numeric too (the month column). Every cell
 * is escaped: labels come from data files.
 */
export function bodyRowsHtml(rows: readonly (readonly string[])[], firstIsNum = false): string {
  const head = firstIsNum ? '<th scope="row" class="num">' : '<th scope="row">';
  let html = '';
  for (const row of rows) {
    html += `<tr>${head}${escapeHtml(row[0] ?? '')}</th>`;
    for (let i = 1; i < row.length; i++) html += `<td class="num">${escapeHtml(row[i]!)}</td>`;
    html += '</tr>';
  }
  return html;
}
