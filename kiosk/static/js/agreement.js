// A group's agreement on its public page works without this script. With it,
// "Read to me" reads out the heading, the introduction and each point, with the
// device's own voice for the page's language (speech.js); nothing is sent.

import { offerReadAloud } from "./speech.js";

offerReadAloud();
