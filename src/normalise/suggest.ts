/** Edit distance between two words, by characters (not UTF-16 units). */
export function editDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let previous = right.map((_, index) => index + 1);
  previous.unshift(0);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length];
}

/**
 * The known word a misspelt one most likely meant, for a "did you mean" hint:
 * the nearest by edit distance when at most half its length away, or one that contains it or that it contains.
 */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(word, candidate);
    if (!best || distance < best.distance) best = { word: candidate, distance };
  }
  if (best && best.distance <= Math.max(1, Math.floor(Array.from(best.word).length / 2))) return best.word;
  return known.find((candidate) => word.includes(candidate) || candidate.includes(word));
}
