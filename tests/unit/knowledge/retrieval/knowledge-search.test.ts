/** Knowledge entries are found by rewordings of their example questions, and not by unrelated ones. */
import { describe, expect, it } from 'vitest';
import { KnowledgeSearch } from '../../../../knowledge/retrieval/knowledge-search.ts';
import { loadDefaultLexicon } from '../../../../knowledge/text/lexicon.ts';
import { loadDefaultSynonymGraph } from '../../../../knowledge/text/synonym-graph.ts';

function search(): KnowledgeSearch {
  const knowledge = new KnowledgeSearch({
    lexicon: loadDefaultLexicon(),
    synonyms: loadDefaultSynonymGraph(),
  });
  knowledge.add({ id: 'parking', questions: ['停车'], answer: '地下停车场免费停放两小时。' });
  knowledge.add({ id: 'printer', questions: ['大厅 自助打印机'], answer: '自助打印机在二楼西侧。' });
  return knowledge;
}

describe('KnowledgeSearch', () => {
  it('matches a word written apart or in the other order', () => {
    const [hit] = search().search('把车停在哪');
    expect(hit.id).toBe('parking');
    expect(hit.headCoverage).toBeGreaterThanOrEqual(0.6);
  });

  it('matches any of several example questions', () => {
    const knowledge = search();
    expect(knowledge.search('能免费打印吗')[0]?.id).not.toBe('parking');
    knowledge.add({ id: 'parking', questions: ['停车', '泊车'], answer: '地下停车场免费停放两小时。' });
    expect(knowledge.search('泊车')[0]).toMatchObject({ id: 'parking', headCoverage: 1 });
  });

  it('finds nothing for a question that shares no content with an entry, and forgets removed entries', () => {
    const knowledge = search();
    expect(knowledge.search('护照 续签')).toEqual([]);
    knowledge.remove('parking');
    expect(knowledge.search('停车').map((hit) => hit.id)).not.toContain('parking');
  });
});
