import type { CivicApi } from '../../core/api'
import type { SearchHit } from '../components/search/search-index'
import { useApi } from '../api'

type Search = (query: string) => SearchHit[]

/** Built once per API and language, on the first search; the search code is its own chunk. */
const indexes = new WeakMap<CivicApi, Map<string, Promise<Search>>>()

async function buildIndex(api: CivicApi, language: string): Promise<Search> {
  const [search, list] = await Promise.all([import('../components/search/search-index'), api['course.list']({})])
  const courses = await Promise.all(list.flatMap((course) => (course.status === 'ready' ? [api['course.get']({ courseId: course.id })] : [])))
  const index = search.createSearchIndex(courses.flatMap((course) => search.pageDocuments(course, language)))
  return (query) => search.searchIndex(index, query)
}

/** Searches the text of every course that can be opened, in the given language. */
export function useCourseSearch(): (query: string, language: string) => Promise<SearchHit[]> {
  const api = useApi()
  return async (query, language) => {
    let byLanguage = indexes.get(api)
    if (!byLanguage) indexes.set(api, (byLanguage = new Map()))
    let pending = byLanguage.get(language)
    if (!pending) {
      pending = buildIndex(api, language)
      byLanguage.set(language, pending)
      // A failed build (the API was unavailable) is tried again on the next search.
      pending.catch(() => byLanguage.delete(language))
    }
    return (await pending)(query)
  }
}
