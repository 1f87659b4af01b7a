package io.bfx.model.validate;

/** One validation rule. Rules only read the model and add findings; they never stop at the first problem. */
interface Rule {

    void check(RuleContext context);
}
