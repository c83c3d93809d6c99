export * from "./audit";
export * from "./enquiries";
export * from "./enums";
export * from "./members";
export * from "./regions";
export * from "./rollups";
export * from "./users";
