import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { startEngineSync } from './api/engine-sync';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { useStore } from './store';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';

initI18n();
// The one client and the one query cache, made before anything renders or acts.
const client = createClient((open) => useStore.getState().setEngineConnected(open));
useStore.getState().setClient(client);
const queryClient = createQueryClient();
useStore.getState().setQueryClient(queryClient);
startEngineSync(client, queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
