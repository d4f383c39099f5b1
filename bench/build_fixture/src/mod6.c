/* A unit of the bench program: enough code that gcc does real work. */
#include <stdint.h>
uint64_t mod6(uint64_t x) {
  uint64_t acc = x;
  for (int i = 0; i < 1000; ++i) acc = acc * 6364136223846793005ULL + 6 + (acc >> 13);
  return acc;
}
