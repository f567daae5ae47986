/** A default route as `ip route` prints it. */
export interface DefaultRoute {
  device: string;
  /** `null` for a point-to-point default (`default dev ppp0`). */
  gateway: string | null;
  /** `0` when ip prints none, which is the kernel's default for IPv4 routes. */
  metric: number;
}

/**
 * Parses `ip route show default`: one `default via <gateway> dev <device> [proto …] [src …]
 * [metric N] [onlink]` line per route, words in any order, often with a trailing space. Lines
 * without a device are skipped.
 */
export function parseDefaultRoutes(text: string): DefaultRoute[] {
  const routes: DefaultRoute[] = [];

  for (const line of text.split(/\r?\n/)) {
    const words = line.trim().split(/\s+/);
    if (words[0] !== 'default') continue;

    const after = (keyword: string) => {
      const index = words.indexOf(keyword);
      return index > 0 ? (words[index + 1] ?? null) : null;
    };
    const device = after('dev');
    if (!device) continue;

    const metric = Number(after('metric') ?? '0');
    routes.push({
      device,
      gateway: after('via'),
      metric: Number.isInteger(metric) ? metric : 0,
    });
  }
  return routes;
}

/**
 * The device traffic leaves through: the route with the lowest metric wins, as in the kernel;
 * on a tie, the one listed first. `null` without a default route.
 */
export function defaultRouteDevice(routes: readonly DefaultRoute[]): string | null {
  let best: DefaultRoute | null = null;
  for (const route of routes) {
    if (!best || route.metric < best.metric) best = route;
  }
  return best?.device ?? null;
}
