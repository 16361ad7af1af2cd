import { Tooltip } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import { NavLink } from 'react-router';
import { ROUTES } from '../features';

/** Where styles.css folds the rail to icons. */
const NARROW = '(max-width: 1100px)';

function useNarrow(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const q = window.matchMedia(NARROW);
      q.addEventListener('change', changed);
      return () => q.removeEventListener('change', changed);
    },
    () => window.matchMedia(NARROW).matches,
  );
}

/**
 * The screens, by section. On a narrow window (zoomed to 125% and beyond on a 1366×768 screen)
 * only the icons show, each with its name as its label and tooltip, so the grid keeps its room.
 * With the names showing, a tooltip would only repeat them (and cover the screen beside it).
 */
export function NavRail() {
  const narrow = useNarrow();
  const listed = ROUTES.filter((r) => !r.hidden);
  const sections = [...new Set(listed.map((r) => r.section))];
  return (
    <nav className="nav-rail" aria-label="Screens">
      {sections.map((section) => (
        <div key={section} className="nav-section">
          <h2 className="nav-section-title">{section}</h2>
          <ul>
            {listed
              .filter((r) => r.section === section)
              .map((r) => {
                const link = (
                  <NavLink to={r.path} className={({ isActive }) => `nav-link${isActive ? ' is-active' : ''}`}>
                    <r.icon className="nav-icon" aria-hidden />
                    <span className="nav-label">{r.label}</span>
                  </NavLink>
                );
                return (
                  <li key={r.path}>
                    {narrow ? (
                      <Tooltip content={r.label} relationship="label" positioning="after">
                        {link}
                      </Tooltip>
                    ) : (
                      link
                    )}
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
