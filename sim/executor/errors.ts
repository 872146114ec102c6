/** A workflow the executor cannot run as GitHub would: the run fails loudly, naming why. */
export class WorkflowError extends Error {}
