import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Where the API token is kept between visits. */
export const TOKEN_STORAGE_KEY = 'tributary.token';

/**
 * Takes `?token=` from the address (the link `tributary serve` prints), stores it and removes it from the
 * address bar so it does not end up in bookmarks or screenshots. Returns the token found, if any.
 */
export function takeTokenFromLocation(location: Location, history: History, storage: Storage): string | undefined {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (!token) return undefined;
  storage.setItem(TOKEN_STORAGE_KEY, token);
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  return token;
}

/** The API token and whether the user must be asked for one. */
export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(localStorage.getItem(TOKEN_STORAGE_KEY));
  const prompting = ref(token.value === null);
  const reason = ref(token.value === null ? 'Enter the API token that `tributary serve` printed.' : '');
  /** Counts tokens entered: pages reload what a refused token kept them from loading. */
  const epoch = ref(0);

  /** Stores a token and closes the prompt. */
  function setToken(value: string): void {
    token.value = value.trim();
    localStorage.setItem(TOKEN_STORAGE_KEY, token.value);
    prompting.value = false;
    reason.value = '';
    epoch.value++;
  }

  /** Forgets the token and opens the prompt with `why`. */
  function requireToken(why: string): void {
    token.value = null;
    localStorage.removeItem(TOKEN_STORAGE_KEY);
    reason.value = why;
    prompting.value = true;
  }

  return { token, prompting, reason, epoch, setToken, requireToken };
});
