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
 * The known word a misspelt one most likely meant, for a "did you mean" hint and for counting the row
 * as the person it is: the nearest by edit distance (on a tie, one that contains the word or that it
 * contains: 预备党员 → 中共预备党员), when at most half the known word's length away or containing it,
 * and nearer than any other known word.
 */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  const overlaps = (candidate: string) => word.includes(candidate) || candidate.includes(word);
  const ranked = known
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate), overlap: overlaps(candidate) }))
    .sort((a, b) => a.distance - b.distance || Number(b.overlap) - Number(a.overlap));
  const [best, runnerUp] = ranked;
  // Two known words equally near (队圆: 队员 or 队长?) is no hint at all.
  if (!best || (runnerUp && runnerUp.distance === best.distance && runnerUp.overlap === best.overlap)) return undefined;
  return best.overlap || best.distance <= Math.floor(Array.from(best.candidate).length / 2) ? best.candidate : undefined;
}
