#include <stdint.h>
#include <stdio.h>
uint64_t mod1(uint64_t), mod2(uint64_t), mod3(uint64_t), mod4(uint64_t), mod5(uint64_t), mod6(uint64_t);
int main(void) {
  uint64_t x = mod6(mod5(mod4(mod3(mod2(mod1(1))))));
  printf("bench %llu\n", (unsigned long long)x);
  return 0;
}
