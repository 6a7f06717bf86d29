import { coldProcessBench } from './cold-process';
await coldProcessBench('/work/main/', 5);
