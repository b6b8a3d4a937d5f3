package store

import "github.com/annotator/annotator/app/annotation"

// validate is the annotation package's own validation: what cannot pass it
// is neither saved nor loaded.
func validate(a *annotation.Annotation) error { return a.Validate() }
