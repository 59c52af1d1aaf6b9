// Public API of the traffic model: population, samples, profiles, arrivals, journeys, k6 compilation.
export * from './population/index.ts';
