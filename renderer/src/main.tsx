import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getBridge } from './api';
import { NoBridge } from './components/NoBridge';
import { StoreProvider } from './store/context';
import { createAppStore } from './store/create-app-store';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

const api = getBridge();
createRoot(container).render(
  <StrictMode>
    {api ? (
      <StoreProvider store={createAppStore(api)}>
        <App />
      </StoreProvider>
    ) : (
      <NoBridge />
    )}
  </StrictMode>,
);
