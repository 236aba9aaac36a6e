// JSON API responses: pretty-printed (people read them too) and ending in a newline.
// Arrays come sorted by id from the catalogue, so the same data gives the same bytes.
export const jsonResponse = (value: unknown) =>
  new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
