import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** Whether the browser believes it has a network, kept up to date. */
export function useOnline(): Ref<boolean> {
  const online = ref(typeof navigator === 'undefined' ? false : navigator.onLine)
  const update = () => {
    online.value = navigator.onLine
  }
  onMounted(() => {
    update()
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  return online
}
