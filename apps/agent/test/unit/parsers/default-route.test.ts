import { describe, expect, it } from 'vitest';
import {
  type DefaultRoute,
  defaultRouteDevice,
  parseDefaultRoutes,
} from '../../../src/inventory/parsers/default-route.ts';
import { readFixture } from './fixture.ts';

describe('parseDefaultRoutes and defaultRouteDevice', () => {
  const machines: {
    machine: string;
    fixture: string;
    routes: DefaultRoute[];
    device: string;
  }[] = [
    {
      machine: 'a laptop on DHCP Wi-Fi (trailing space)',
      fixture: 'glpi_ip-route-default-1.txt',
      routes: [{ device: 'wlan0', gateway: '192.168.1.254', metric: 600 }],
      device: 'wlan0',
    },
    {
      machine: 'a host with two default routes, eth0 preferred by metric',
      fixture: 'glpi_ip-route-default-2.txt',
      routes: [
        { device: 'eth0', gateway: '192.168.1.254', metric: 100 },
        { device: 'lxcbr', gateway: '192.168.2.254', metric: 425 },
      ],
      device: 'eth0',
    },
    {
      machine: 'an onlink route with no metric, which counts as 0',
      fixture: 'glpi_ip-route-default-3.txt',
      routes: [{ device: 'ens193', gateway: '192.168.1.254', metric: 0 }],
      device: 'ens193',
    },
  ];

  it.each(machines)('reads $machine', ({ fixture, routes, device }) => {
    const parsed = parseDefaultRoutes(readFixture(`os/linux/${fixture}`).toString('utf8'));

    expect(parsed).toEqual(routes);
    expect(defaultRouteDevice(parsed)).toBe(device);
  });

  // Hand-written: the order of the routes must not matter, and a PPP link has no gateway.
  it('picks the lowest metric wherever it is listed, and reads a route without a gateway', () => {
    const routes = parseDefaultRoutes(
      'default via 10.0.0.1 dev eth1 metric 300 \ndefault dev ppp0 scope link metric 50 \n',
    );

    expect(routes).toEqual([
      { device: 'eth1', gateway: '10.0.0.1', metric: 300 },
      { device: 'ppp0', gateway: null, metric: 50 },
    ]);
    expect(defaultRouteDevice(routes)).toBe('ppp0');
  });

  it('has no device without a default route', () => {
    expect(parseDefaultRoutes('')).toEqual([]);
    expect(defaultRouteDevice([])).toBeNull();
  });
});
