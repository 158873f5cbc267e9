import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createEditorRouter } from './router.ts';
import { takeTokenFromLocation } from './stores/auth.ts';
import './styles.css';

// The link `tributary serve` prints carries the token: keep it, then take it out of the address bar.
takeTokenFromLocation(window.location, window.history, window.localStorage);

createApp(App).use(createPinia()).use(createEditorRouter()).mount('#app');
