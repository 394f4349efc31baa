/** The frame around every page: the practice's name in the header, the areas in the sidebar. */
import { AppShell, Badge, Group, NavLink, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { call, isBrowserMode } from './api';
import { AREAS } from './areas';
import { GlobalSearch } from './components/global-search';
import { MenuButton, ShortcutsButton } from './shell/shell-controls';
import { NAVBAR_BREAKPOINT, useShell } from './shell/use-shell';
import { roleSeesPage } from './security/area-access';
import { useAuthStatus } from './security/auth-query';
import { SignedInPerson } from './security/signed-in-person';

export function AppShellLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const shell = useShell();
  const practice = useQuery({ queryKey: ['practice'], queryFn: () => call('practice:get', {}) });
  const role = useAuthStatus().data?.signedIn?.role;

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 220, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !shell.navbarOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <MenuButton shell={shell} />
            <Title order={4} style={{ whiteSpace: 'nowrap' }}>
              J3490 Desk
            </Title>
            <Text c="dimmed" data-testid="header-practice-name">
              {practice.data?.name ?? (practice.isSuccess ? 'No practice set up yet' : '')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <GlobalSearch />
            {isBrowserMode && (
              <Badge variant="light" color="gray" title="Running in a browser against the local J3490 Desk server">
                Browser mode
              </Badge>
            )}
            <ShortcutsButton shell={shell} />
            <SignedInPerson />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="xs"
        aria-label="Areas"
        id="shell-navbar"
        className="shell-navbar"
        data-open={shell.navbarOpened ? 'true' : 'false'}
      >
        {AREAS.filter((area) => roleSeesPage(role, area.path)).map((area) => {
          const active = area.path === '/' ? location.pathname === '/' : location.pathname.startsWith(area.path);
          return (
            <NavLink
              key={area.path}
              className="nav-link"
              href={`#${area.path}`}
              label={area.label}
              description={area.comingSoon ? 'Coming soon' : undefined}
              active={active}
              onClick={(e) => {
                e.preventDefault();
                void navigate(area.path);
              }}
            />
          );
        })}
      </AppShell.Navbar>
      {/* Focusable so a shortcut that opens a record can start Tab from the top of its page. */}
      <AppShell.Main tabIndex={-1} className="shell-main">
        <div data-app-ready={practice.isFetched ? 'true' : 'false'}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
