import { defineStore } from 'pinia';
import { ref } from 'vue';

/** A message shown for a few seconds. */
export interface Notice {
  id: number;
  kind: 'info' | 'error' | 'refused';
  text: string;
}

/** Short-lived messages: saves, failures, refused connections. */
export const useNoticesStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([]);
  let next = 1;

  /** Shows a message; it goes away after `ms`. Returns its id. */
  function show(kind: Notice['kind'], text: string, ms = 6000): number {
    const id = next++;
    notices.value = [...notices.value.filter((notice) => notice.text !== text), { id, kind, text }];
    setTimeout(() => dismiss(id), ms);
    return id;
  }

  /** Hides a message. */
  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id);
  }

  return { notices, show, dismiss };
});
