package com.leadjourney.platform;

/**
 * Implemented by each package for the tables it owns: on erasure it removes or irreversibly
 * anonymises the person there, in the erasure's transaction. Aggregates (counts, amounts, reasons)
 * stay, so cadence reviews do not change.
 */
public interface ErasesPersonalData {

  void erase(ErasedPerson person);
}
