// Right way: a lower folder on its own.
export type Millis = number;
