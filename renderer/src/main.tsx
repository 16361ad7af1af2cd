import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { queryClient } from './data/query-client';
import { AppStateProvider } from './state/app-state';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} className="provider">
      <QueryClientProvider client={queryClient}>
        <AppStateProvider>
          <App />
        </AppStateProvider>
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
