/**
 * Escaping for the two places article text enters the report page: HTML text
 * and attributes (server-rendered labels), and JSON inside a `<script>` block.
 */

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character] ?? character)
}

const jsonEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

const unsafeInScript = /[<>&\u2028\u2029]/

/**
 * JSON that can sit inside `<script type="application/json">`: no `<` at all,
 * so no `</script>` or `<!--` can end or change the block, whatever the text.
 * `JSON.parse` reads the escapes back to the same characters.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value)
  // Most articles hold none of these: skip the replacing pass for them.
  return unsafeInScript.test(json)
    ? json.replace(/[<>&\u2028\u2029]/g, (character) => jsonEscapes[character] ?? character)
    : json
}
