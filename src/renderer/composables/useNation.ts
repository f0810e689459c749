import { storeToRefs } from 'pinia'
import { computed, type ComputedRef } from 'vue'
import type { Nation } from '../../core/api/nations'
import type { Jurisdiction } from '../../core/course/ids'
import { useSettingsStore } from '../stores/settings'

/**
 * How a statement of law stands for the learner: it applies to them, it is for another UK nation,
 * they serve outside the UK (the legal detail is UK-specific), or they have not said where they are.
 */
export type NationStanding = 'applies' | 'elsewhere' | 'outside-uk' | 'unknown'

export function nationStanding(jurisdictions: readonly Jurisdiction[] | undefined, nation: Nation | null): NationStanding {
  if (nation === null) return 'unknown'
  if (nation === 'outside-uk') return 'outside-uk'
  if (!jurisdictions || jurisdictions.length === 0 || jurisdictions.includes('uk-wide') || jurisdictions.includes(nation)) return 'applies'
  return 'elsewhere'
}

/** The tab written for the learner's nation, if any: tabs per nation open on it. */
export function tabForNation(tabs: readonly { jurisdiction?: readonly Jurisdiction[] }[], nation: Nation | null): number {
  if (nation === null || nation === 'outside-uk') return -1
  return tabs.findIndex((tab) => tab.jurisdiction?.includes(nation) ?? false)
}

export function useNation(): ComputedRef<Nation | null> {
  const { settings } = storeToRefs(useSettingsStore())
  return computed(() => settings.value.nation)
}
