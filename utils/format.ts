/** A count as the sites print it: "118,407". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}
