// Numeric settings from the environment: a positive number, or the default when unset or not one.

/** The environment variable `name` as a number ≥ 1, else `fallback`. */
export const positiveSetting = (name: string, fallback: number): number => {
  const setting = Number(process.env[name]);
  return Number.isFinite(setting) && setting >= 1 ? setting : fallback;
};
