import type { ComponentType } from 'react';
import type { SVGProps } from 'react';
import {
  IconArchive,
  IconAward,
  IconBook,
  IconCalendar,
  IconClock,
  IconCoins,
  IconSettings,
  IconShield,
  IconTransfer,
  IconUsers,
} from '../components/icons';

export interface NavItem {
  to: string;
  /** A key in `common:nav`. */
  labelKey: 'volunteers' | 'events' | 'hours' | 'trainings' | 'certificates' | 'finance' | 'privacy' | 'io' | 'backups' | 'settings';
  icon: ComponentType<SVGProps<SVGSVGElement> & { size?: number }>;
}

/**
 * The domains in the sidebar, in order. A new domain adds one entry here (and its label in
 * `common:nav`); Settings stays apart at the bottom.
 */
export const DOMAIN_ITEMS: NavItem[] = [
  { to: '/volunteers', labelKey: 'volunteers', icon: IconUsers },
  { to: '/events', labelKey: 'events', icon: IconCalendar },
  { to: '/hours', labelKey: 'hours', icon: IconClock },
  { to: '/trainings', labelKey: 'trainings', icon: IconBook },
  { to: '/certificates', labelKey: 'certificates', icon: IconAward },
  { to: '/finance', labelKey: 'finance', icon: IconCoins },
  { to: '/privacy', labelKey: 'privacy', icon: IconShield },
  { to: '/io', labelKey: 'io', icon: IconTransfer },
  { to: '/backups', labelKey: 'backups', icon: IconArchive },
];

export const SETTINGS_ITEM: NavItem = { to: '/settings', labelKey: 'settings', icon: IconSettings };
