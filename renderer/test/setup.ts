import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The component tests talk to a real server and IndexedDB; on a busy 2-core CI machine a screen can
// take more than the default second to show what a clerk would see a moment later.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
