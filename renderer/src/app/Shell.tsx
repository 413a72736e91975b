import { AppShell, Avatar, Burger, Group, Kbd, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useSettingsView } from '../features/settings/api';
import { DemoBanner } from './DemoBanner';
import { DOMAIN_ITEMS, SETTINGS_ITEM, type NavItem } from './nav';
import { SearchBridgeProvider } from './searchBridge';
import { SearchField } from './SearchField';
import { focusSearch, shortcutLabel } from './shortcuts';

const NEW_VOLUNTEER = '/volunteers/new';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w.length > 2 || /^[A-ZÀ-Ý]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

function SidebarLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const { pathname } = useLocation();
  const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
  const Icon = item.icon;
  return (
    <NavLink
      component={Link}
      to={item.to}
      onClick={onNavigate}
      label={t(`common:nav.${item.labelKey}`)}
      leftSection={<Icon size={22} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
      py="sm"
      styles={{ label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 } }}
      // The current page: near-black on pale teal with a teal edge (AA contrast, not colour alone).
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        ...(active
          ? {
              '--nl-color': 'var(--mantine-color-dark-9)',
              '--nl-bg': 'var(--mantine-color-teal-1)',
              '--nl-hover': 'var(--mantine-color-teal-1)',
              boxShadow: 'inset 4px 0 0 var(--mantine-color-teal-9)',
            }
          : {}),
      }}
    />
  );
}

/** A quiet reminder of the shortcuts, for whoever prefers the keyboard. */
function ShortcutsHint() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const row = (keys: string, label: string) => (
    <Group gap={6} wrap="nowrap">
      <Kbd size="xs">{keys}</Kbd>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
  return (
    <Stack gap={4} px="sm" pb="sm" aria-label={t('common:shortcuts.label')} role="group">
      {row(shortcutLabel('K'), t('common:shortcuts.search'))}
      {row(shortcutLabel('N'), t('common:shortcuts.newVolunteer'))}
    </Stack>
  );
}

/**
 * The frame around every screen once the association exists: the sidebar with the association and
 * the domains, the header with the search, the demo banner, and the keyboard shortcuts.
 */
export function Shell() {
  const { t } = useTranslation(['common', 'settings', 'setup']);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const settings = useSettingsView();
  const association = settings.association!;
  const [navOpened, nav] = useDisclosure(false);

  const newVolunteer = () => navigate(NEW_VOLUNTEER);
  // Ctrl/⌘ shortcuts work while typing in a field; "/" only when not typing.
  useHotkeys(
    [
      ['mod+K', focusSearch],
      ['mod+N', newVolunteer],
      ['alt+N', newVolunteer, { usePhysicalKeys: true }],
    ],
    [],
  );
  useHotkeys([['/', focusSearch]]);

  useEffect(() => nav.close(), [pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <SearchBridgeProvider>
      <AppShell
        layout="alt"
        header={{ height: 72 }}
        navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={0}
      >
        {/* First stop for keyboard users: straight past the sidebar to the page itself. */}
        <UnstyledButton className="relais-skip-link" onClick={() => document.getElementById('main')?.focus()}>
          {t('common:skipToContent')}
        </UnstyledButton>
        <AppShell.Header px="lg">
          <Group h="100%" gap="md" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common:nav.label')}
            />
            <SearchField />
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="md" aria-label={t('common:nav.label')} component="nav">
          <AppShell.Section mb="lg">
            <UnstyledButton
              component={Link}
              to="/settings"
              aria-label={`${association.name} — ${t('common:nav.settings')}`}
              style={{ borderRadius: 'var(--mantine-radius-md)', display: 'block' }}
              p={4}
            >
              <Group gap="sm" wrap="nowrap" data-testid="sidebar-association">
                {association.logo ? (
                  <Avatar src={association.logo} alt={t('common:logoAlt', { name: association.name })} size={52} radius="md" styles={{ image: { objectFit: 'contain' } }} bg="white" />
                ) : (
                  <Avatar size={52} radius="md" color="teal" variant="light" aria-hidden>
                    {initials(association.name) || 'R'}
                  </Avatar>
                )}
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={700} size="md" lh={1.25} lineClamp={3} title={association.name}>
                    {association.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('common:appName')}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          </AppShell.Section>
          <AppShell.Section grow>
            <Stack gap={4}>
              {DOMAIN_ITEMS.map((item) => (
                <SidebarLink key={item.to} item={item} onNavigate={nav.close} />
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section>
            <ShortcutsHint />
            <SidebarLink item={SETTINGS_ITEM} onNavigate={nav.close} />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
          {settings.mode === 'demo' ? <DemoBanner /> : null}
          <div style={{ padding: 'var(--mantine-spacing-lg) var(--mantine-spacing-xl)' }}>
            <Outlet />
          </div>
        </AppShell.Main>
      </AppShell>
    </SearchBridgeProvider>
  );
}
