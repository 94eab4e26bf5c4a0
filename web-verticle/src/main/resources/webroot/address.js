// A panel's settings kept in the page's address, so that reloading or sharing the link shows
// the same: `?<param>=<period>:<group>:<value>`, one entry per value (`compare=5s:aurt:1d`, the
// baselines on; `split=5s:aurt:host`, the field the chart is split by). Entries of other
// panels and other parameters are left as they are.

/** The values `param` holds for the panel of `group` in `period`, in the address's order. */
export function panelValues(search, param, period, group) {
  const prefix = `${period}:${group}:`;
  return new URLSearchParams(search).getAll(param)
    .filter((entry) => entry.startsWith(prefix)).map((entry) => entry.slice(prefix.length));
}

/** The address `href` with the panel's values of `param` set to `values`. */
export function withPanelValues(href, param, period, group, values) {
  const url = new URL(href);
  const prefix = `${period}:${group}:`;
  const kept = url.searchParams.getAll(param).filter((entry) => !entry.startsWith(prefix));
  url.searchParams.delete(param);
  [...kept, ...values.map((value) => prefix + value)].forEach((entry) => url.searchParams.append(param, entry));
  return url.href;
}
